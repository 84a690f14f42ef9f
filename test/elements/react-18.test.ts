import { reactStories } from './react-stories.js';

reactStories('18');
